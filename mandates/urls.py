from django.urls import path

from . import views

app_name = "mandates"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("new/", views.CreateView.as_view(), name="create"),
    path("<int:pk>/", views.DetailView.as_view(), name="detail"),
    path("<int:pk>/export/<str:fmt>/", views.ExportView.as_view(), name="export"),
    path("answer/<int:pk>/start/", views.StartView.as_view(), name="start"),
    path("answer/<int:pk>/acknowledge/", views.AcknowledgeView.as_view(), name="acknowledge"),
]
