"""Custom actions (rasa-sdk), one module per concern. Texts are never written here: actions name a
content key and its arguments, and the NLG endpoint renders it in the person's language."""
