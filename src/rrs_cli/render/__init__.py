"""Renderers: each turns core objects into a string or a rich renderable.

Nothing here reads files or prints; the CLI decides where output goes.
"""
