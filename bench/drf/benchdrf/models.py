from django.contrib.postgres.fields import ArrayField
from django.db import models


class Campaign(models.Model):
    """PromptAds' campaigns table, read as it is: Django neither creates nor migrates it."""

    id = models.UUIDField(primary_key=True)
    tenant_id = models.TextField()
    account_id = models.TextField()
    name = models.TextField()
    objective = models.TextField()
    kpis = models.JSONField()
    channels = ArrayField(models.TextField())
    formats = ArrayField(models.TextField())
    budget_amount_cents = models.BigIntegerField()
    budget_currency = models.CharField(max_length=3)
    budget_period = models.TextField()
    start_date = models.DateField()
    end_date = models.DateField()
    status = models.TextField()
    created_by = models.TextField()
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        managed = False
        db_table = "campaigns"
