"""The annotated corpus: stand-off records, the data volume they point into, and the tools
that author, check, split, convert and summarise them."""
