"""Training: the corpus reader that feeds `spacy train`."""
