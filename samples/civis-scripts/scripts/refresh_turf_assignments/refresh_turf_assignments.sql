-- Civis SQL script: rebuild turf assignments from the latest canvass universe.
-- Runs as the Civis "REDSHIFT" credential.
drop table if exists organizing.turf_assignments_new;
create table organizing.turf_assignments_new as
select u.vanid,
       t.turf_id,
       t.region,
       row_number() over (partition by t.turf_id order by u.support_score desc) as walk_order
from organizing.canvass_universe u
join organizing.turfs t on st_contains(t.geom, u.geom)
where u.is_active;
alter table organizing.turf_assignments rename to turf_assignments_old;
alter table organizing.turf_assignments_new rename to turf_assignments;
drop table organizing.turf_assignments_old;
