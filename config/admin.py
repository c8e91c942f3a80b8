"""The admin site: staff only; signed-in users without staff rights get 403, not a login loop."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied


class DyadAdminSite(admin.AdminSite):
    site_header = "Dyad administration"
    site_title = "Dyad admin"
    index_title = "Curate records"

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        def guarded(request, *args, **kwargs):
            user = request.user
            if user.is_authenticated and not (user.is_active and user.is_staff):
                raise PermissionDenied
            return inner(request, *args, **kwargs)

        return guarded

    def login(self, request, extra_context=None):
        if request.user.is_authenticated and not request.user.is_staff:
            raise PermissionDenied
        return super().login(request, extra_context)
