"""Road network of southern Laos: OSM → routable graph → seasonal speeds → snapping → matrices."""
