CREATE TABLE dumped (n INT);
/*!40101 SET @saved_cs_client = @@character_set_client */;
DELIMITER ;;
/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER dump_trigger BEFORE INSERT ON dumped FOR EACH ROW BEGIN
  SET NEW.n = NEW.n * 10;
END */;;
DELIMITER ;
/*!40101 SET character_set_client = @saved_cs_client */;
