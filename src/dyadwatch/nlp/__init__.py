"""NLP base layer: the spaCy model and the custom attributes every later stage reads and writes."""
from dyadwatch.nlp.datelines import split_datelines
from dyadwatch.nlp.extensions import register_extensions
from dyadwatch.nlp.model import MODEL_NAME, load_base_model
from dyadwatch.nlp.paragraphs import mark_paragraph_starts

__all__ = ["MODEL_NAME", "load_base_model", "mark_paragraph_starts", "register_extensions", "split_datelines"]
