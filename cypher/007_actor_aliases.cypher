// The ids of actors merged into another (mergeActors): one alias node per removed id, which still resolves.
CREATE CONSTRAINT actor_alias_id IF NOT EXISTS FOR (n:ActorAlias) REQUIRE n.id IS UNIQUE;
