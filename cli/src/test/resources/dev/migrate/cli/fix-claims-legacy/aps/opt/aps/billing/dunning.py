def send_letters():
    print("letters")
