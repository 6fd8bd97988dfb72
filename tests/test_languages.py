"""A post's language (front matter, config, detection) decides which rules read it."""

from __future__ import annotations

from pathlib import Path

from postlint.text import language
from postlint.text.language import spans
from postlint.text.tokens import tokens_of


def test_front_matter_lang_brings_the_languages_own_list(write, run):
    write("a.md", "---\nlang: de\n---\nDas Update ist Mist, schon wieder.\n")
    assert "a.md:4:16: R101 'Mist' is mild profanity" in run("--select", "profanity", "a.md").out


def test_a_rule_does_not_run_on_a_language_it_does_not_know(write, run):
    text = "Schaut mal, wir sind ya fertig mit dem neuen Release.\n"
    write("a.md", "---\nlang: de\n---\n" + text)
    assert "All clear" in run("--select", "chatspeak", "a.md").out
    write("b.md", text)  # as English (no lang, config none, but detection says German)
    assert "All clear" in run("--select", "chatspeak", "b.md").out
    write("c.md", "---\nlang: en\n---\n" + text)
    assert "T104 'ya'" in run("--select", "chatspeak", "c.md").out


def test_config_lang_is_the_default_and_front_matter_wins(write, run):
    write(".postlint.yaml", "lang: fr\n")
    write("a.md", "Quelle journée de merde.\n")
    write("b.md", "---\nlang: en-GB\n---\nQuelle journée de merde.\n")
    out = run("--select", "profanity", "a.md", "b.md").out
    assert "a.md:1:19: R101 'merde' is profanity" in out and "b.md" not in out


def test_other_tools_language_keys_count_when_they_hold_a_tag(write, run):
    write(".postlint.yaml", "lang: fr\nfront-matter: {strict: true}\n")
    text = "Quelle journée de merde.\n"
    write("a.md", "---\nlanguage: en-GB\n---\n" + text)  # (Hugo, Jekyll themes)
    write("b.md", "---\nlocale: en_US\n---\n" + text)  # (Astro, Netlify CMS)
    write("c.md", "---\nlang: fr\nlanguage: en\n---\n" + text)  # (postlint's own wins)
    out = run("--select", "profanity", "a.md", "b.md", "c.md").out
    assert "a.md" not in out and "b.md" not in out and "c.md:5:19: R101 'merde'" in out
    write(".postlint.yaml", "lang: fr\n")
    write("d.md", "---\nlanguage: English\n---\n" + text)  # (a name: the config's lang)
    assert "d.md:4:19: R101 'merde'" in run("--select", "profanity", "d.md").out


def test_a_misspelt_language_key_is_an_error(write, run):
    write("a.md", "---\nlangauge: de\n---\nHallo zusammen.\n")
    result = run("a.md")
    assert result.code == 2
    assert "a.md: error: line 2: front matter: unknown key 'langauge' (did you mean " \
        "'language'?)" in result.err


def test_detected_spanish_post_uses_the_spanish_list(write, run):
    write("a.md", "No puedo creer que la nueva versión sea una mierda otra vez.\n")
    assert "a.md:1:45: R101 'mierda' is profanity" in run("--select", "profanity", "a.md").out


def test_a_mixed_post_is_judged_sentence_by_sentence(write, run):
    write("a.md", "Was für eine tolle Woche mit dem ganzen Team. Thanks guys, gonna miss you all!\n")
    out = run("--select", "chatspeak,non-inclusive", "--fail-on", "info", "a.md").out
    assert "a.md:1:60: T104 'gonna'" in out and "R107 'Thanks guys'" in out
    write("b.md", "Was für eine tolle Woche mit dem ganzen Team, ya ya.\n")
    assert "All clear" in run("--select", "chatspeak", "b.md").out


def test_detection_keeps_short_or_english_text_english():
    assert spans("lol ok") == [(0, 6, "en")]
    assert spans("Had a great week with the team, thanks everyone!") == [(0, 48, "en")]
    text = "Was für eine tolle Woche mit dem Team. Thanks everyone for coming to the meetup!"
    assert [lang for _, _, lang in spans(text)] == ["de", "en"]


def test_a_short_sentence_the_detector_cannot_call_is_told_by_its_function_words(write, run):
    # pycld2 is unsure of it; "ya" would be English chat shorthand
    write("a.md", "Ya está disponible nuestro informe de mercado del segundo semestre.\n")
    assert "All clear" in run("--select", "chatspeak", "a.md").out
    assert spans("Este suplemento cura la diabetes en un mes, sin medicamentos.")[0][2] == "es"
    assert spans("Messe du souvenir à 11 h ; le café rouvre lundi.")[0][2] == "fr"
    # English function words count too: loan words do not make a sentence French
    assert spans("Café crème and crêpes, served à la carte.") == [(0, 41, "en")]
    # a handle or a link is no language's: the detector reads the sentence without them
    # (with @marcaX in it, pycld2 is unsure of this one)
    text = "Probé la crema de @marcaX durante un mes y os cuento todo: https://acme.com/crema"
    shown, words = language._unsure_parts(text, tokens_of(text), [(0, len(text))])
    assert "@" not in shown and "acme" not in shown and "marcax" not in words
    assert language._cld2(shown) == "es" and language._cld2(text) is None


def test_a_sentence_of_rarer_english_words_stays_english():
    """Four English words the common list lacks are English, not pycld2's Danish; a
    German sentence with a few English-looking words is still German."""
    assert spans("Cold baths reverse aging") == [(0, 24, "en")]
    assert [lang for _, _, lang in spans("Unser Tee heilt Erkältungen in zwei Tagen. "
                                         "Wir lieben ihn.")] == ["de"]


def test_bad_language_tags_are_errors_with_a_position(write, run):
    write(".postlint.yaml", "lang: german!\n")
    write("a.md", "Hi.\n")
    result = run("a.md")
    assert result.code == 2 and ".postlint.yaml:1: lang: expected a BCP 47 language tag" in result.err
    write(".postlint.yaml", "")
    write("b.md", "---\nlang: 42\n---\nHi.\n")
    result = run("b.md")
    assert result.code == 2 and "b.md: error: line 2: front matter: lang: expected a BCP 47" in result.err


def test_a_language_code_that_does_not_exist_is_an_error_not_rules_switched_off(write, run):
    # (a post in an unknown language would run no English rule: a typo would silence them)
    write("a.md", "I hate this awful, useless product. Worst purchase ever.\n")
    for tag, said in (("ne-US", None), ("xx", "'xx' is no ISO 639-1 language code"),
                      ("EN-gb", None), ("eng", "BCP 47 writes 'eng' as 'en'")):
        write(".postlint.yaml", f"lang: {tag}\n")
        result = run("a.md")
        if said is None:
            assert result.code in (0, 1) and "line 1" not in result.err
        else:
            assert result.code == 2 and f".postlint.yaml:1: lang: {said}" in result.err
    write(".postlint.yaml", "")
    write("b.md", "---\nlang: deu\n---\nHallo.\n")
    result = run("b.md")
    assert result.code == 2
    assert "b.md: error: line 2: front matter: lang: BCP 47 writes 'deu' as 'de'" in result.err


def test_explain_shows_a_rules_languages(run):
    out = run("--explain", "profanity").out
    assert "languages: en, de (own lists), es (own lists), fr (own lists)" in out
    assert "languages: any" in run("--explain", "post-length").out


HOUSE = Path(__file__).parent / "data" / "overhype.yaml"


def house_rule(write, extra: str) -> None:
    write(".postlint.yaml", "rule-dirs: [house]\n")
    write("house/tone/overhype.yaml",
          HOUSE.read_text(encoding="utf-8").replace("level: warning\n", "level: warning\n" + extra))


def test_a_rules_own_list_for_a_language(write, run):
    house_rule(write, "languages:\n  en: {}\n  de: {tokens: [episch]}\n")
    write("a.md", "---\nlang: de\n---\nEin episch epic Start.\n")
    out = run("--select", "overhype", "a.md").out
    assert "a.md:4:5: X901 'episch'" in out and "'epic'" not in out


def test_a_mistake_in_languages_is_one_line_with_its_position(write, run):
    house_rule(write, "languages: [en, english!]\n")
    write("a.md", "An epic launch.\n")
    result = run("a.md")
    assert result.code == 2
    assert "house/tone/overhype.yaml:5: overhype.languages: expected a BCP 47 language tag" \
        in result.err
    house_rule(write, "languages:\n  de: {tokenz: [episch]}\n")
    result = run("a.md")
    assert result.code == 2 and "overhype.languages.de.tokenz: unknown option" in result.err


def test_a_french_word_after_an_elided_article_is_found_at_the_word(write, run):
    # hot-button-topic's French list holds `immigration` and `avortement`, no `l'...` forms
    write("a.md", "---\nlang: fr\n---\n"
                  "Le débat sur l’immigration revient, et celui d'avortement aussi.\n")
    out = run("--select", "hot-button-topic", "a.md").out
    assert "a.md:4:16: R108 'immigration' touches politics" in out
    assert "a.md:4:48: R108 'avortement' touches a divisive social issue" in out


def test_an_english_name_with_an_apostrophe_is_not_an_elision(write, run):
    house_rule(write, "languages:\n  en: {tokens: [angelo]}\n  fr: {tokens: [angelo]}\n")
    write("a.md", "---\nlang: en\n---\nD'Angelo played last night.\n")
    write("b.md", "---\nlang: fr\n---\nLe concert d’Angelo était super.\n")
    out = run("--select", "overhype", "a.md", "b.md").out
    assert "a.md" not in out
    assert "b.md:4:14: X901 'Angelo'" in out


def test_english_forms_are_kept_between_runs_without_simplemma(tmp_path):
    # the first run reads simplemma's dictionary and keeps its hashes; the next reads
    # only those (simplemma is not imported), and knows the same words
    import subprocess
    import sys

    probe = ("import sys\nfrom postlint.text.language import english_forms\n"
             "from postlint.load import cache\nforms = english_forms()\n"
             "print([w in forms for w in ('seascape', 'plunges', 'Twas', 'xqzvv', 'gato')],"
             " 'simplemma' in sys.modules)\ncache.save_all()\n")
    env = {"POSTLINT_CACHE_DIR": str(tmp_path / "cache"), "PATH": ""}
    runs = [subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                           env=env, check=True).stdout.strip() for _ in range(2)]
    assert runs == ["[True, True, False, False, False] True",
                    "[True, True, False, False, False] False"]


def test_a_missing_disclosure_names_a_disclosure_of_the_posts_language(write, run):
    write("es.md", "Probé la crema de @marcaX durante un mes y os cuento todo. "
                   "Código DESCUENTO20 para un 20%\n")
    write("de.md", "Ich habe die neue Kaffeemaschine von @brandY geschenkt bekommen, "
                   "sie ist super!\n")
    write("en.md", "Use my code EMMA20 for 20% off at @glowco!\n")
    out = run("--select", "missing-disclosure", "es.md", "de.md", "en.md").out
    assert ("es.md:1:60: R111 'Código DESCUENTO20' suggests a paid, gifted or affiliate post, "
            "but there is no clear disclosure; put #publicidad or 'Publicidad' at the start"
            ) in out
    assert ("de.md:1:46: R111 'geschenkt bekommen' suggests a paid, gifted or affiliate post, "
            "but there is no clear disclosure; put #anzeige or 'Werbung' at the start") in out
    assert "put #ad or 'Paid partnership' at the start" in out.split("en.md:")[1]


def test_short_posts_are_read_in_their_own_language():
    """Posts of a few short sentences ("Endlich Freitag!", "Merci pour tout ❤️"), which
    used to count as English whatever they were, are told by pycld2 and the word forms
    of each language (tests/data/language_drafts.yaml); English posts with a foreign
    word stay English."""
    import yaml
    drafts = yaml.safe_load((Path(__file__).parent / "data" / "language_drafts.yaml")
                            .read_text("utf-8"))
    wrong = [(lang, text, found) for lang, texts in drafts.items() for text in texts
             if (found := max(spans(text), key=lambda s: s[1] - s[0])[2]) != lang]
    assert wrong == []


def test_long_sentences_pycld2_calls_wrongly_are_told_by_their_words():
    # pycld2 is sure these are English and Galician
    assert spans("La hostia consagrada se reparte al final de la misa.")[0][2] == "es"
    assert spans("La meilleure maman du monde, point final ❤️")[0][2] == "fr"
    assert spans("Paella de domingo, como manda la tradición.")[0][2] == "es"
    # names and abbreviations in the German dictionary do not make English German
    assert spans("Liberty Blog: Ron Paul on CNN 08/03/11")[0][2] == "en"
    assert spans("📍 Leeds\n📅 Friday 4 Dec\n⏰ 7pm\n🎟️ Free")[0][2] == "en"


def test_function_words_are_all_words():
    """YAML reads an unquoted `on` or `no` as a boolean: the French "on" and the
    Portuguese "no" were `true` and `false`, and English's "on" counted for French."""
    import yaml
    from postlint.load import builtin
    data = yaml.safe_load((builtin.folder() / "data" / "function-words.yaml").read_text("utf-8"))
    assert [(lang, w) for lang, words in data.items() for w in words
            if not isinstance(w, str)] == []
    assert "on" in language._function_lists()["fr"] and "on" in language._function_lists()["en"]
