from django.contrib.admin.apps import AdminConfig


class DyadAdminConfig(AdminConfig):
    default_site = "config.admin.DyadAdminSite"
