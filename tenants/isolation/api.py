"""The admin API's image and document endpoints, scoped: Wagtail's list every object."""

from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

from .registry import filter_for_scope
from .scope import scope_for_user


class ScopedQuerysetMixin:
    def get_queryset(self):
        return filter_for_scope(scope_for_user(self.request.user), super().get_queryset())


class ScopedImagesAdminAPIViewSet(ScopedQuerysetMixin, ImagesAdminAPIViewSet):
    pass


class ScopedDocumentsAdminAPIViewSet(ScopedQuerysetMixin, DocumentsAdminAPIViewSet):
    pass
