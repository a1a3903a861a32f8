# bulk
