app_name = "movement"
urlpatterns = []
