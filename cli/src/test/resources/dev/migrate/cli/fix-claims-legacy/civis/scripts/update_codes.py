print("updating codes")
