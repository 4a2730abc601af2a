from django.urls import path

from . import views

app_name = "subscriptions"
urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("xac-nhan/<str:signed>/", views.confirm, name="confirm"),
    path("quan-ly/<str:token>/", views.manage, name="manage"),
    path("huy/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
