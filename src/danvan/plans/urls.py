from django.urls import path

from danvan.plans import views

app_name = "plans"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:plan_id>/", views.plan_detail, name="plan_detail"),
    path("han/<int:duty_id>/da-thuc-hien/", views.duty_done, name="duty_done"),
    path("<int:plan_id>/trinh/", views.plan_submit, name="plan_submit"),
    path("<int:plan_id>/phe-duyet/", views.plan_approve, name="plan_approve"),
    path("<int:plan_id>/tra-lai/", views.plan_return, name="plan_return"),
    path("<int:plan_id>/sao-chep/", views.plan_copy, name="plan_copy"),
    path("<int:plan_id>/them-nhiem-vu/", views.task_add, name="task_add"),
    path("<int:plan_id>/sua/", views.plan_edit, name="plan_edit"),
    path("<int:plan_id>/chi-tieu/<int:target_id>/", views.target_value, name="target_value"),
    path("<int:plan_id>/chi-tieu/<int:target_id>/cach-tinh/", views.target_bind, name="target_bind"),
    path("<int:plan_id>/sua-doi/", views.plan_amend, name="plan_amend"),
    path("<int:plan_id>/van-ban.docx", views.plan_docx, name="plan_docx"),
    path("<int:plan_id>/van-ban.pdf", views.plan_pdf, name="plan_pdf"),
    path("<int:plan_id>/nhiem-vu.xlsx", views.plan_tasks_xlsx, name="plan_tasks_xlsx"),
    path("<int:plan_id>/phien-ban/", views.plan_versions, name="plan_versions"),
    path("<int:plan_id>/tinh-hinh-trien-khai/", views.plan_implementation, name="plan_implementation"),
    path("co-quan/<int:agency_id>/moi/", views.plan_new, name="plan_new"),
    path("co-quan/<int:agency_id>/nhap/", views.import_upload, name="import_upload"),
    path("co-quan/<int:agency_id>/tong-quan/", views.dashboard, name="dashboard"),
    path("nhap/<int:import_id>/", views.import_review, name="import_review"),
    path("nhap/<int:import_id>/tien-do/", views.import_status, name="import_status"),
    path("nhap/<int:import_id>/tep-goc/", views.import_file, name="import_file"),
    path("nhap/<int:import_id>/luu/", views.import_save, name="import_save"),
    path("nhap/<int:import_id>/huy/", views.import_cancel, name="import_cancel"),
    path("nhap/<int:import_id>/doc-lai/", views.import_retry, name="import_retry"),
    path("nhiem-vu/", views.task_list, name="task_list"),
    path("nhiem-vu/cua-toi/", views.task_list, {"mine": True}, name="my_tasks"),
    path("nhiem-vu/<int:task_id>/", views.task_detail, name="task_detail"),
    path("nhiem-vu/<int:task_id>/cap-nhat/", views.task_update, name="task_update"),
    path("nhiem-vu/<int:task_id>/sua/", views.task_edit, name="task_edit"),
    path("nhiem-vu/<int:task_id>/giao/", views.task_assign, name="task_assign"),
    path("nhiem-vu/<int:task_id>/y-kien/", views.task_comment, name="task_comment"),
    path("nhiem-vu/<int:task_id>/huy/", views.task_cancel, name="task_cancel"),
    path("nhiem-vu/<int:task_id>/minh-chung/<int:update_id>/", views.task_evidence, name="task_evidence"),
    path("nhiem-vu/<int:task_id>/xac-nhan/<int:update_id>/", views.task_confirm, name="task_confirm"),
]
