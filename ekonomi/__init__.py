"""Budget, utfall, prognos och eget kapital (issue "Ekonomi")."""
