"""Rødtråd: the red thread from the council's policy to an effect for the citizen."""

__version__ = "0.1.0"
