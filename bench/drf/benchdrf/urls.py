from django.urls import path

from .views import CampaignList

urlpatterns = [path("api/promptads/v1/campaigns", CampaignList.as_view())]
