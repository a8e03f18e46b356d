from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from danvan.emulation import selectors_commendation


@login_required
def index(request):
    """The app's home: «Dân vận khéo» models, then movements and commendation."""
    return render(request, "emulation/index.html", selectors_commendation.commendation_section(request.user))
