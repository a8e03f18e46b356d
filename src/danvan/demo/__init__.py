"""The demo province (``danvan demo``) and the province-scale generator
(``danvan demo --scale province``). It builds on every app; no code that
serves requests imports it."""
