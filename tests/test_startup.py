"""Start-up shortcuts must not lose a plugin."""

from __future__ import annotations

import sys

from postlint import plugins


def test_entry_point_scan_finds_a_declared_plugin(tmp_path, monkeypatch):
    assert not plugins._declared_anywhere("postlint-test-group")
    dist = tmp_path / "someplugin-1.0.dist-info"
    dist.mkdir()
    (dist / "entry_points.txt").write_text("[console_scripts]\nx = y\n\n"
                                           "[postlint-test-group]\nmine = someplugin.hooks\n")
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    assert plugins._declared_anywhere("postlint-test-group")
