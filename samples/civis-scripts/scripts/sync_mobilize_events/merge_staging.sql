begin;
delete from mobilize.events using mobilize.events_staging s where events.id = s.id;
insert into mobilize.events select distinct * from mobilize.events_staging;
truncate mobilize.events_staging;
delete from mobilize.attendances using mobilize.attendances_staging s where attendances.id = s.id;
insert into mobilize.attendances select distinct * from mobilize.attendances_staging;
truncate mobilize.attendances_staging;
commit;
