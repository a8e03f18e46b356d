"""What happens to plans that other apps react to.

An app that must act when a plan is issued connects a receiver in its
AppConfig.ready(); plans itself knows nothing of who listens.
"""

from django.dispatch import Signal

# Sent by ``approve_plan`` once the plan has its number, issue date and task
# deadlines, inside the transaction that issues it, with ``plan`` and ``by``
# (the leader who issued it). A receiver that raises stops the plan being issued.
plan_issued = Signal()
