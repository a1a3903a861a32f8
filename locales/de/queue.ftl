# queue
