"""Norwegian NLP: spaCy tokenizer, sentence splitting and an Ordbank-backed lemmatizer."""
