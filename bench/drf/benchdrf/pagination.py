from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination, _positive_int
from rest_framework.response import Response

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20


class LimitOffsetPage(BasePagination):
    """
    PromptAds' page envelope, `{ items, nextCursor }`: limit + 1 rows are read to know whether
    another page follows (no COUNT query); the cursor is the next offset.
    """

    def paginate_queryset(self, queryset, request, view=None):
        try:
            self.limit = _positive_int(
                request.query_params.get("limit", DEFAULT_PAGE_SIZE), strict=True, cutoff=MAX_PAGE_SIZE
            )
            self.offset = _positive_int(request.query_params.get("cursor", 0))
        except ValueError:
            raise ValidationError({"limit": "a whole number from 1", "cursor": "a whole number from 0"})
        rows = list(queryset[self.offset : self.offset + self.limit + 1])
        self.has_more = len(rows) > self.limit
        return rows[: self.limit]

    def get_paginated_response(self, data):
        next_cursor = str(self.offset + self.limit) if self.has_more else None
        return Response({"items": data, "nextCursor": next_cursor})
