"""Digitally signed outgoing documents (PAdES) and the check of the
signatures on documents that come in.

- ``keys``: the agency's PKCS#12 bundle read and checked, its passphrase kept
  encrypted with a key drawn from ``SECRET_KEY``;
- ``stamp``: the visible signature of Nghị định 30/2020/NĐ-CP, Phụ lục I
  (the seal over the signer, the agency and the time) and where it goes on
  the last page;
- ``pades``: signing a PDF and checking the signatures of one.

Pure functions over bytes: the records (the agency's certificate, the trusted
authorities, the signed copies) are in ``documents.models`` and change only
through ``documents.services``.
"""
