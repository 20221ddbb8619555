"""Working days on the Vietnamese calendar: deadlines of petitions, receptions and other time limits set in
working days (ngày làm việc) by law."""
