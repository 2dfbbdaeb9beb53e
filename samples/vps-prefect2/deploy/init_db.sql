-- sudo -u postgres psql -f deploy/init_db.sql
CREATE DATABASE prefect_db;
CREATE USER prefect_user WITH PASSWORD 'Vps-Prefect-2024!db';
GRANT ALL PRIVILEGES ON DATABASE prefect_db TO prefect_user;
-- PostgreSQL 15 : le schéma public n'est plus ouvert à tous
\c prefect_db
GRANT ALL ON SCHEMA public TO prefect_user;
