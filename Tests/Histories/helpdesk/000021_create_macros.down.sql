DROP TABLE macros;
