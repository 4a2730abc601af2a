from django.urls import path

from . import authority_tree, inspections, minutes, views

app_name = "audit"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("school/<int:school_id>/", views.SchoolView.as_view(), name="school"),
    path("school/<int:school_id>/print/", views.PrintView.as_view(), name="print"),
    path("export/<str:fmt>/", views.ExportView.as_view(), name="export"),
    path("tree/", authority_tree.TreeView.as_view(), name="tree"),
]

inspection_patterns = [
    path("", inspections.IndexView.as_view(), name="index"),
    path("new/", inspections.CreateView.as_view(), name="create"),
    path("<int:pk>/", inspections.DetailView.as_view(), name="detail"),
    path("school/<int:pk>/", inspections.InspectedSchoolView.as_view(), name="school"),
    path("school/<int:pk>/minutes/", minutes.MinutesView.as_view(), name="minutes"),
    path("requests/", inspections.MyRequestsView.as_view(), name="my_requests"),
    path("requests/<int:pk>/answer/", inspections.AnswerView.as_view(), name="answer"),
]
