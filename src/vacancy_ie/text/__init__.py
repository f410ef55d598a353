"""Text in: cleaning (HTML, entities, mojibake -> text with an exact offset map) and the tokenizer."""
