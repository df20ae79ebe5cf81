"""Rules over loaded data. Every rule returns Issue objects; nothing here prints."""
