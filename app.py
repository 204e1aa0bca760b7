"""Start the UN Planning Assistant web app: `python app.py` (same as `planassist serve`)."""

from assistant.interfaces.web import run

if __name__ == "__main__":
    run()
