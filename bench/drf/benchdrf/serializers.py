from rest_framework import serializers

from .models import Campaign


class BudgetSerializer(serializers.Serializer):
    amountCents = serializers.IntegerField(source="budget_amount_cents")
    currency = serializers.CharField(source="budget_currency")
    period = serializers.CharField(source="budget_period")


class CampaignSerializer(serializers.ModelSerializer):
    """The fields and names of PromptAds' campaign schema."""

    accountId = serializers.CharField(source="account_id")
    budget = BudgetSerializer(source="*")
    startDate = serializers.DateField(source="start_date")
    endDate = serializers.DateField(source="end_date")
    createdBy = serializers.CharField(source="created_by")
    createdAt = serializers.DateTimeField(source="created_at")
    updatedAt = serializers.DateTimeField(source="updated_at")

    class Meta:
        model = Campaign
        fields = [
            "id",
            "accountId",
            "name",
            "objective",
            "kpis",
            "channels",
            "formats",
            "budget",
            "startDate",
            "endDate",
            "status",
            "createdBy",
            "createdAt",
            "updatedAt",
        ]
