from django.shortcuts import render

from roedtraad.contracts.models import Contract


def home(request):
    contracts = (
        Contract.objects.select_related("holder", "holder__parent").order_by("-year", "holder__name")[:200]
    )
    return render(request, "web/home.html", {"contracts": contracts})
