// Jest setupFiles: runs in every test file before anything imports the configuration.
import { useTestDatabase } from "./test-database";

useTestDatabase();
