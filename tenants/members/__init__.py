"""Member management inside a school or an office subtree ("Thành viên"), under /admin/members/."""
