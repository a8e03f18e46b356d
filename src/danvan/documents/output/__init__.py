"""Outgoing documents: a plan as Word (docxtpl template in the layout of
Nghị định 30/2020/NĐ-CP), as PDF (LibreOffice headless) and its task list as
Excel. Pure functions from a plan to bytes; views only send them."""
