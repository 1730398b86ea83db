"""Kafka plumbing shared by producer, worker and sink: clients, topics, record codec, DLQ."""
