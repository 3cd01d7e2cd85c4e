-- nothing;
/* nothing; either */
