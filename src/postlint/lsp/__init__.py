"""postlint's language server (`postlint-lsp`, the `lsp` extra): diagnostics, fixes,
suppressions, explanations and post lengths in the editor, over LSP on stdio."""
