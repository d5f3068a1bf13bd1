create table migrations_it_thing (id integer primary key);
