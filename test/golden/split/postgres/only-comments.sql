-- Nothing to do in this migration;
/* really; nothing
   /* nested; */
*/

-- ;
