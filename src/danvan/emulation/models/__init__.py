"""The emulation register: "Dân vận khéo" models (``models.dvk``), emulation
movements and commendation (``models.commendation``)."""
