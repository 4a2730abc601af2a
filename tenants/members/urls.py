from django.urls import path

from . import views

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("add/", views.AddView.as_view(), name="add"),
    path("<int:user_id>/", views.EditView.as_view(), name="edit"),
    path("<int:user_id>/password/", views.PasswordView.as_view(), name="password"),
    path(
        "<int:user_id>/deactivate/",
        views.ActiveStateView.as_view(active=False),
        name="deactivate",
    ),
    path("<int:user_id>/activate/", views.ActiveStateView.as_view(active=True), name="activate"),
    path("schools/", views.SchoolsView.as_view(), name="schools"),
    path("schools/<int:school_id>/", views.SchoolEditView.as_view(), name="school_edit"),
]
