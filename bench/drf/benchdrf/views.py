from django.conf import settings
from rest_framework import generics

from .models import Campaign
from .serializers import CampaignSerializer


class CampaignList(generics.ListAPIView):
    serializer_class = CampaignSerializer

    def get_queryset(self):
        return Campaign.objects.filter(tenant_id=settings.BENCH_TENANT).order_by("-created_at", "-id")
