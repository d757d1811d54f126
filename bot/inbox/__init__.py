"""The curators' inbox: messages the assistant could not answer, filed as training examples."""
